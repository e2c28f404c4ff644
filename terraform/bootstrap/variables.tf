variable "region" {
  type    = string
  default = "eu-central-1"
}

variable "state_bucket" {
  description = "Globally unique name of the Terraform state bucket."
  type        = string
}

variable "github_repository" {
  description = "owner/name of the GitHub repository allowed to deploy."
  type        = string
}

variable "deploy_policy_arn" {
  description = "Managed policy of the deploy role."
  type        = string
  default     = "arn:aws:iam::aws:policy/AdministratorAccess"
}
