variable "name" {
  type = string
}

variable "vpc_id" {
  type = string
}

variable "vpc_cidr" {
  description = "The ALB's egress is limited to this range."
  type        = string
}

variable "public_subnet_ids" {
  type = list(string)
}

variable "certificate_arn" {
  description = "ACM certificate for the HTTPS listener (same region as the ALB)."
  type        = string
}

variable "target_port" {
  description = "Container port of the gateway."
  type        = number
}

variable "health_check_path" {
  type    = string
  default = "/actuator/health/readiness"
}

variable "ingress_cidrs" {
  description = "Who may reach the ALB."
  type        = list(string)
  default     = ["0.0.0.0/0"]
}

variable "deletion_protection" {
  type    = bool
  default = true
}

variable "private_path_patterns" {
  description = "Paths the public listener answers 404 for (ALB path patterns: * is any run of characters)."
  type        = list(string)
  default     = ["*/actuator", "*/actuator/*", "*/actuator;*"]
}
