variable "name" {
  type = string
}

variable "vpc_id" {
  type = string
}

variable "alb_security_group_id" {
  type = string
}

variable "alb_target_port" {
  description = "The port the ALB forwards to (the gateway's)."
  type        = number
}

variable "port_range" {
  description = "Ports the services listen on, open between tasks."
  type        = object({ from = number, to = number })
}

variable "scraper_security_groups" {
  description = "Security groups (by a static label) of metrics scrapers inside the VPC, allowed onto the service ports for /actuator/prometheus."
  type        = map(string)
  default     = {}
}
