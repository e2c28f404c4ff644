variable "name" {
  description = "Service name; also its Service Connect DNS name and container name."
  type        = string
}

variable "region" {
  type = string
}

variable "cluster_arn" {
  type = string
}

variable "cluster_name" {
  type = string
}

variable "image" {
  description = "Full image reference, repository:tag."
  type        = string
}

variable "port" {
  type = number
}

variable "cpu" {
  description = "Fargate task CPU units (256, 512, 1024, ...)."
  type        = number
}

variable "memory" {
  description = "Fargate task memory in MiB, valid for the chosen cpu."
  type        = number
}

variable "environment" {
  description = "Plain environment variables."
  type        = map(string)
  default     = {}
}

variable "secrets" {
  description = "Environment variable => Secrets Manager ARN (optionally with :json-key::)."
  type        = map(string)
  default     = {}
}

variable "health_check_path" {
  type    = string
  default = "/actuator/health/readiness"
}

variable "execution_role_arn" {
  type = string
}

variable "task_role_arn" {
  type = string
}

variable "subnet_ids" {
  description = "Private subnets for the tasks."
  type        = list(string)
}

variable "security_group_ids" {
  type = list(string)
}

variable "service_connect_namespace_arn" {
  type = string
}

variable "target_group_arn" {
  description = "ALB target group, only for the public entry service."
  type        = string
  default     = null
}

variable "alb_request_count_resource_label" {
  description = "ALB/target group label for request-count scaling; null = CPU scaling only."
  type        = string
  default     = null
}

variable "scaling" {
  description = "Task count bounds and target-tracking targets."
  type = object({
    min                 = number
    max                 = number
    cpu_target          = optional(number, 60)
    requests_per_target = optional(number, 500)
  })

  validation {
    condition     = var.scaling.min >= 1 && var.scaling.max >= var.scaling.min
    error_message = "Need 1 <= min <= max."
  }
}

variable "log_retention_days" {
  type    = number
  default = 30
}
