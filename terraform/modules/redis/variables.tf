variable "name" {
  type = string
}

variable "vpc_id" {
  type = string
}

variable "subnet_ids" {
  type = list(string)
}

variable "allowed_security_groups" {
  description = "Security groups allowed to connect, by a static label (for_each keys must be known at plan time)."
  type        = map(string)
}

variable "engine_version" {
  type    = string
  default = "7.1"
}

variable "node_type" {
  type    = string
  default = "cache.t4g.small"
}

variable "nodes" {
  description = "Primary plus replicas; 2 or more enables failover."
  type        = number
  default     = 2
}
