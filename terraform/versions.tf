terraform {
  # 1.7+ for mock_provider in terraform test.
  required_version = ">= 1.7.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }

  # Partial configuration: bucket/key/region come from `terraform init
  # -backend-config=...` (see deploy/README-deploy.md), CI checks run with
  # -backend=false.
  backend "s3" {}
}

provider "aws" {
  region = var.region

  default_tags {
    tags = {
      Project     = "tickitecking"
      Environment = var.environment
      ManagedBy   = "terraform"
    }
  }
}
