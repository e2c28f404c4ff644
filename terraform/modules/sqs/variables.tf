variable "prefix" {
  description = "Queue name prefix; must match the services' SQS_QUEUE_PREFIX."
  type        = string
}

variable "queues" {
  description = "Queue names without prefix, e.g. [\"seat-events\"]."
  type        = list(string)
}

variable "max_receive_count" {
  type    = number
  default = 5
}

variable "visibility_timeout_seconds" {
  type    = number
  default = 30
}

variable "message_retention_seconds" {
  type    = number
  default = 345600 # 4 days
}
