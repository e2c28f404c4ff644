variable "region" {
  description = "AWS region for the whole stack."
  type        = string
  default     = "eu-central-1"
}

variable "environment" {
  description = "Environment name, part of every resource name (e.g. prod, staging)."
  type        = string
  default     = "prod"
}

variable "azs" {
  description = "Availability zones (at least two) in var.region."
  type        = list(string)
  default     = ["eu-central-1a", "eu-central-1b"]
}

variable "vpc_cidr" {
  type    = string
  default = "10.40.0.0/16"
}

variable "single_nat_gateway" {
  description = "Save cost on non-production stacks with one NAT gateway."
  type        = bool
  default     = false
}

variable "certificate_arn" {
  description = "ACM certificate ARN for the public HTTPS listener."
  type        = string

  validation {
    condition     = can(regex("^arn:aws[a-z-]*:acm:", var.certificate_arn))
    error_message = "certificate_arn must be an ACM certificate ARN."
  }
}

variable "image_tag" {
  description = "Image tag to deploy for every service (CD passes the git SHA)."
  type        = string
}

variable "services" {
  description = "Per-service sizing. Keys must be the six service names; see locals.tf for what each one is wired to."
  type = map(object({
    cpu           = number
    memory        = number
    min_tasks     = number
    max_tasks     = number
    cpu_target    = optional(number, 60)
    requests_goal = optional(number, 500)
  }))
  default = {
    "gateway-service"     = { cpu = 512, memory = 1024, min_tasks = 2, max_tasks = 10 }
    "user-service"        = { cpu = 512, memory = 1024, min_tasks = 2, max_tasks = 4 }
    "concert-service"     = { cpu = 512, memory = 1024, min_tasks = 2, max_tasks = 4 }
    "seat-service"        = { cpu = 1024, memory = 2048, min_tasks = 2, max_tasks = 10 }
    "reservation-service" = { cpu = 1024, memory = 2048, min_tasks = 2, max_tasks = 10 }
    "media-service"       = { cpu = 512, memory = 1024, min_tasks = 1, max_tasks = 3 }
  }

  validation {
    condition     = length(setsubtract(["gateway-service", "user-service", "concert-service", "seat-service", "reservation-service", "media-service"], keys(var.services))) == 0
    error_message = "services must size all six services."
  }
}

variable "db_instance_class" {
  type    = string
  default = "db.t4g.medium"
}

variable "redis_node_type" {
  type    = string
  default = "cache.t4g.small"
}

variable "deletion_protection" {
  description = "Protect the ALB and the database from `terraform destroy`; turn off for throwaway stacks."
  type        = bool
  default     = true
}

variable "admin_username" {
  description = "Initial admin account of user-service (its password is a secret)."
  type        = string
  default     = "admin"
}

variable "db_password_version" {
  description = "Raise by one to give every service a new database password (manual rotation: see modules/db_users)."
  type        = number
  default     = 1
}

variable "metrics_scraper_security_groups" {
  description = "Security groups (by a static label) of a Prometheus inside the VPC that scrapes /actuator/prometheus on the tasks' own ports; the public ALB never routes /actuator."
  type        = map(string)
  default     = {}
}
