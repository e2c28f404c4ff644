variable "name" {
  description = "Role name prefix, e.g. \"tickitecking-seat-service\"."
  type        = string
}

variable "partition" {
  type    = string
  default = "aws"
}

variable "consume_queue_arns" {
  description = "Queues this service receives from (its own)."
  type        = list(string)
  default     = []
}

variable "produce_queue_arns" {
  description = "Queues this service sends to."
  type        = list(string)
  default     = []
}

variable "bucket_access" {
  description = "Whether the service reads and writes bucket_arn (a flag, so it is known at plan time)."
  type        = bool
  default     = false
}

variable "bucket_arn" {
  description = "The one bucket this service may use when bucket_access is true."
  type        = string
  default     = ""
}

variable "secret_arns" {
  description = "Secrets injected into this service's environment."
  type        = list(string)
  default     = []
}
