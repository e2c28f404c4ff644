# The cluster, the Service Connect namespace that gives services their names
# (http://user-service:8081 resolves inside every task), and the security group
# shared by all tasks.

resource "aws_ecs_cluster" "this" {
  name = var.name

  setting {
    name  = "containerInsights"
    value = "enabled"
  }

  service_connect_defaults {
    namespace = aws_service_discovery_http_namespace.this.arn
  }
}

resource "aws_ecs_cluster_capacity_providers" "this" {
  cluster_name       = aws_ecs_cluster.this.name
  capacity_providers = ["FARGATE"]

  default_capacity_provider_strategy {
    capacity_provider = "FARGATE"
    weight            = 1
  }
}

resource "aws_service_discovery_http_namespace" "this" {
  name        = var.name
  description = "Service Connect names of ${var.name}"
}

resource "aws_security_group" "tasks" {
  name_prefix = "${var.name}-tasks-"
  description = "All ECS tasks of ${var.name}"
  vpc_id      = var.vpc_id
  lifecycle {
    create_before_destroy = true
  }
}

# Service-to-service calls (through the Service Connect proxy) stay inside the group.
resource "aws_vpc_security_group_ingress_rule" "from_tasks" {
  security_group_id            = aws_security_group.tasks.id
  description                  = "Service to service"
  ip_protocol                  = "tcp"
  from_port                    = var.port_range.from
  to_port                      = var.port_range.to
  referenced_security_group_id = aws_security_group.tasks.id
}

resource "aws_vpc_security_group_ingress_rule" "from_alb" {
  security_group_id            = aws_security_group.tasks.id
  description                  = "ALB to the public entry service"
  ip_protocol                  = "tcp"
  from_port                    = var.alb_target_port
  to_port                      = var.alb_target_port
  referenced_security_group_id = var.alb_security_group_id
}

# Prometheus inside the VPC scrapes each task directly on its own port: the
# public ALB answers 404 for /actuator/** (modules/alb), so metrics never leave the VPC.
resource "aws_vpc_security_group_ingress_rule" "from_scrapers" {
  for_each                     = var.scraper_security_groups
  security_group_id            = aws_security_group.tasks.id
  description                  = "Metrics scraper ${each.key}"
  ip_protocol                  = "tcp"
  from_port                    = var.port_range.from
  to_port                      = var.port_range.to
  referenced_security_group_id = each.value
}

# Egress: AWS APIs (SQS, S3, Secrets Manager, ECR, logs) through NAT, RDS, Redis.
resource "aws_vpc_security_group_egress_rule" "all" {
  security_group_id = aws_security_group.tasks.id
  description       = "AWS APIs via NAT, and the data stores"
  ip_protocol       = "-1"
  cidr_ipv4         = "0.0.0.0/0"
}
