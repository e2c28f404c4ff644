variable "names" {
  description = "Service names; one repository each."
  type        = list(string)
}

variable "prefix" {
  description = "Repository name prefix, e.g. \"tickitecking/\"."
  type        = string
}

variable "keep_images" {
  type    = number
  default = 30
}
