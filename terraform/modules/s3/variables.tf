variable "bucket_prefix" {
  description = "Bucket names are global; AWS appends a unique suffix to this."
  type        = string
}

variable "noncurrent_version_days" {
  description = "How long replaced or deleted object versions are kept."
  type        = number
  default     = 90
}
