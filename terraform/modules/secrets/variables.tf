variable "prefix" {
  description = "Secret name prefix, e.g. \"tickitecking/\"."
  type        = string
}

variable "secrets" {
  description = "Secret name (without prefix) => description."
  type        = map(string)
}

variable "recovery_window_days" {
  type    = number
  default = 7
}
