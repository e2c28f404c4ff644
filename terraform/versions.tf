terraform {
  # 1.11+ for write-only attributes (the database login secrets, modules/db_users);
  # mock_provider in terraform test needs 1.7+.
  required_version = ">= 1.11.0"

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
