# Tickitecking on ECS Fargate. Each concern is a module; the services are one
# module instance each, created with for_each over local.services.

module "network" {
  source             = "./modules/network"
  name               = local.name
  cidr               = var.vpc_cidr
  azs                = var.azs
  single_nat_gateway = var.single_nat_gateway
}

module "alb" {
  source              = "./modules/alb"
  name                = local.name
  vpc_id              = module.network.vpc_id
  vpc_cidr            = module.network.vpc_cidr
  public_subnet_ids   = module.network.public_subnet_ids
  certificate_arn     = var.certificate_arn
  target_port         = local.services[local.gateway].port
  deletion_protection = var.deletion_protection
}

module "ecr" {
  source = "./modules/ecr"
  prefix = "tickitecking/"
  names  = keys(local.services)
}

module "ecs_cluster" {
  source                  = "./modules/ecs_cluster"
  name                    = local.name
  vpc_id                  = module.network.vpc_id
  alb_security_group_id   = module.alb.security_group_id
  alb_target_port         = local.services[local.gateway].port
  scraper_security_groups = var.metrics_scraper_security_groups
  port_range = {
    from = min([for s in local.services : s.port]...)
    to   = max([for s in local.services : s.port]...)
  }
}

module "rds" {
  source                  = "./modules/rds"
  name                    = local.name
  vpc_id                  = module.network.vpc_id
  subnet_ids              = module.network.private_subnet_ids
  allowed_security_groups = { ecs_tasks = module.ecs_cluster.tasks_security_group_id }
  instance_class          = var.db_instance_class
  replica_instance_class  = var.db_instance_class
  deletion_protection     = var.deletion_protection
}

module "redis" {
  source                  = "./modules/redis"
  name                    = local.name
  vpc_id                  = module.network.vpc_id
  subnet_ids              = module.network.private_subnet_ids
  allowed_security_groups = { ecs_tasks = module.ecs_cluster.tasks_security_group_id }
  node_type               = var.redis_node_type
}

module "sqs" {
  source = "./modules/sqs"
  prefix = local.queue_prefix
  queues = local.queues
}

module "s3" {
  source        = "./modules/s3"
  bucket_prefix = "${local.name}-media-"
}

module "secrets" {
  source  = "./modules/secrets"
  prefix  = "${local.name}/"
  secrets = local.app_secrets
}

# One MySQL login per service and the one-off task that creates them (the only
# holder of the master secret); CD runs the task after every apply.
module "db_users" {
  source            = "./modules/db_users"
  name              = local.name
  cluster_name      = module.ecs_cluster.cluster_name
  region            = var.region
  users             = local.db_users
  master_secret_arn = module.rds.master_user_secret_arn
  db_host           = module.rds.address
  db_port           = module.rds.port
  secret_prefix     = "${local.name}/"
  password_version  = var.db_password_version
}

module "service_iam" {
  source             = "./modules/service_iam"
  for_each           = local.services
  name               = "${local.name}-${each.key}"
  consume_queue_arns = each.value.consumes == null ? [] : [module.sqs.queue_arns[each.value.consumes]]
  produce_queue_arns = [for q in each.value.produces : module.sqs.queue_arns[q]]
  bucket_access      = each.value.bucket
  bucket_arn         = each.value.bucket ? module.s3.arn : ""
  secret_arns        = local.secret_arns[each.key]
}

module "service" {
  source             = "./modules/ecs_service"
  for_each           = local.services
  name               = each.key
  region             = var.region
  cluster_arn        = module.ecs_cluster.cluster_arn
  cluster_name       = module.ecs_cluster.cluster_name
  image              = "${module.ecr.repository_urls[each.key]}:${var.image_tag}"
  port               = each.value.port
  cpu                = each.value.cpu
  memory             = each.value.memory
  environment        = local.environment[each.key]
  secrets            = local.secrets[each.key]
  execution_role_arn = module.service_iam[each.key].execution_role_arn
  task_role_arn      = module.service_iam[each.key].task_role_arn
  subnet_ids         = module.network.private_subnet_ids
  security_group_ids = [module.ecs_cluster.tasks_security_group_id]

  service_connect_namespace_arn    = module.ecs_cluster.namespace_arn
  target_group_arn                 = each.value.public ? module.alb.target_group_arn : null
  alb_request_count_resource_label = each.value.public ? module.alb.request_count_resource_label : null

  scaling = {
    min                 = each.value.min_tasks
    max                 = each.value.max_tasks
    cpu_target          = each.value.cpu_target
    requests_per_target = each.value.requests_goal
  }

  # The gateway must not take traffic before the listener exists.
  depends_on = [module.alb]
}
