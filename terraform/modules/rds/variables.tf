variable "name" {
  type = string
}

variable "vpc_id" {
  type = string
}

variable "subnet_ids" {
  description = "Private subnets (at least two AZs)."
  type        = list(string)
}

variable "allowed_security_groups" {
  description = "Security groups allowed to connect, by a static label (for_each keys must be known at plan time)."
  type        = map(string)
}

variable "engine_version" {
  description = "MySQL 8 version (8.4 is the 8.x LTS line)."
  type        = string
  default     = "8.4"
}

variable "instance_class" {
  type    = string
  default = "db.t4g.medium"
}

variable "replica_instance_class" {
  type    = string
  default = "db.t4g.medium"
}

variable "allocated_storage" {
  description = "GiB; autoscaling up to four times this."
  type        = number
  default     = 50
}

variable "username" {
  type    = string
  default = "tickitecking"
}

variable "multi_az" {
  type    = bool
  default = true
}

variable "backup_retention_days" {
  type    = number
  default = 7

  validation {
    condition     = var.backup_retention_days >= 1
    error_message = "Read replicas need automated backups (retention >= 1 day)."
  }
}

variable "deletion_protection" {
  type    = bool
  default = true
}
