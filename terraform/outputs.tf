output "alb_dns_name" {
  description = "Point the public DNS name (CNAME/alias) here."
  value       = module.alb.dns_name
}

output "ecr_repository_urls" {
  description = "Service => ECR repository; CD pushes <url>:<git sha>."
  value       = module.ecr.repository_urls
}

output "ecs_cluster_name" {
  value = module.ecs_cluster.cluster_name
}

output "ecs_service_names" {
  value = [for s in module.service : s.service_name]
}

output "log_groups" {
  value = { for k, s in module.service : k => s.log_group_name }
}

output "queue_urls" {
  value = module.sqs.queue_urls
}

output "media_bucket" {
  value = module.s3.bucket
}

output "db_endpoint" {
  value = module.rds.address
}

output "db_replica_endpoint" {
  value = module.rds.replica_address
}

output "db_master_secret_arn" {
  description = "Read only by the db_users bootstrap task."
  value       = module.rds.master_user_secret_arn
}

output "db_user_secret_arns" {
  description = "Service => its own database login's secret."
  value       = module.db_users.secret_arns
}

output "db_users_task" {
  description = "What CD needs to run the database-login bootstrap task (aws ecs run-task)."
  value = {
    family             = module.db_users.task_family
    log_group          = module.db_users.log_group_name
    subnet_ids         = module.network.private_subnet_ids
    security_group_ids = [module.ecs_cluster.tasks_security_group_id]
  }
}

output "app_secret_arns" {
  description = "Secrets whose values must be put once after the first apply (see README-deploy.md)."
  value       = module.secrets.arns
}
