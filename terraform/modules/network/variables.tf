variable "name" {
  description = "Name prefix for every network resource."
  type        = string
}

variable "cidr" {
  description = "VPC CIDR block; subnets are carved out of it as /20s (with a /16)."
  type        = string
}

variable "azs" {
  description = "Availability zones to spread the subnets over (at least two, for RDS and the ALB)."
  type        = list(string)

  validation {
    condition     = length(var.azs) >= 2 && length(var.azs) <= 8
    error_message = "Give between 2 and 8 availability zones."
  }
}

variable "single_nat_gateway" {
  description = "One NAT gateway for all AZs (cheaper, not AZ-fault-tolerant)."
  type        = bool
  default     = false
}
