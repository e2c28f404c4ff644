variable "name" {
  description = "Name prefix of the IAM role."
  type        = string
}

variable "cluster_name" {
  description = "ECS cluster the bootstrap task runs in (names its family and log group)."
  type        = string
}

variable "region" {
  type = string
}

variable "partition" {
  type    = string
  default = "aws"
}

variable "users" {
  description = "Service => its MySQL login and the one database it may use."
  type        = map(object({ username = string, database = string }))

  validation {
    condition = alltrue([for u in values(var.users) :
    can(regex("^[a-z][a-z0-9_]{0,31}$", u.username)) && can(regex("^[a-z][a-z0-9_]{0,63}$", u.database))])
    error_message = "Logins and databases are plain identifiers (lower case, digits, _): the bootstrap script puts them into SQL unquoted."
  }
}

variable "master_secret_arn" {
  description = "The RDS-managed master secret; only the bootstrap task may read it."
  type        = string
}

variable "db_host" {
  type = string
}

variable "db_port" {
  type = number
}

variable "secret_prefix" {
  description = "Secret name prefix, e.g. \"tickitecking-prod/\"."
  type        = string
}

variable "password_version" {
  description = "Raise to generate new passwords for every service login (manual rotation, see main.tf)."
  type        = number
  default     = 1
}

variable "image" {
  description = "An image with the mysql client (MySQL 8.4 LTS from the ECR Public mirror of Docker Hub)."
  type        = string
  default     = "public.ecr.aws/docker/library/mysql:8.4"
}

variable "recovery_window_days" {
  type    = number
  default = 7
}

variable "log_retention_days" {
  type    = number
  default = 30
}
