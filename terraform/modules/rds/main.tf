# MySQL 8 source plus a read replica (seat-service sends its seat-map reads to
# DB_REPLICA_URL). One instance serves the five service databases, each a
# separate schema the service creates and migrates itself (Flyway).
# The master password is generated and rotated by RDS into Secrets Manager
# (manage_master_user_password): it never appears in Terraform state.

resource "aws_db_subnet_group" "this" {
  name       = var.name
  subnet_ids = var.subnet_ids
}

resource "aws_security_group" "db" {
  name_prefix = "${var.name}-db-"
  description = "MySQL from the ECS tasks only"
  vpc_id      = var.vpc_id
  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_vpc_security_group_ingress_rule" "mysql" {
  for_each                     = var.allowed_security_groups
  security_group_id            = aws_security_group.db.id
  description                  = "MySQL from tasks"
  ip_protocol                  = "tcp"
  from_port                    = 3306
  to_port                      = 3306
  referenced_security_group_id = each.value
}

resource "aws_db_instance" "source" {
  identifier                  = var.name
  engine                      = "mysql"
  engine_version              = var.engine_version
  instance_class              = var.instance_class
  allocated_storage           = var.allocated_storage
  max_allocated_storage       = var.allocated_storage * 4
  storage_type                = "gp3"
  storage_encrypted           = true
  username                    = var.username
  manage_master_user_password = true
  db_subnet_group_name        = aws_db_subnet_group.this.name
  vpc_security_group_ids      = [aws_security_group.db.id]
  publicly_accessible         = false
  multi_az                    = var.multi_az
  backup_retention_period     = var.backup_retention_days # > 0: a replica needs binlogs
  deletion_protection         = var.deletion_protection
  skip_final_snapshot         = !var.deletion_protection
  final_snapshot_identifier   = var.deletion_protection ? "${var.name}-final" : null
  copy_tags_to_snapshot       = true
  auto_minor_version_upgrade  = true
}

resource "aws_db_instance" "replica" {
  identifier             = "${var.name}-replica"
  replicate_source_db    = aws_db_instance.source.identifier
  instance_class         = var.replica_instance_class
  storage_encrypted      = true
  vpc_security_group_ids = [aws_security_group.db.id]
  publicly_accessible    = false
  skip_final_snapshot    = true # a replica holds no data of its own
  deletion_protection    = var.deletion_protection
}
