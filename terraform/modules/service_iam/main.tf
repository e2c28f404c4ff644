# The two roles of one service:
#  - execution role: what ECS itself needs to start the task (pull the image,
#    write logs, read this service's secrets into its environment);
#  - task role: what the application may do, least privilege: receive from its
#    own queue, send to the queues it produces to, the media bucket if it needs it.
# Policies are built with jsonencode rather than aws_iam_policy_document so that
# they are plain values tests can read.

locals {
  assume_ecs_tasks = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "ecs-tasks.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })

  task_statements = concat(
    length(var.consume_queue_arns) == 0 ? [] : [{
      Sid      = "ConsumeOwnQueue"
      Effect   = "Allow"
      Action   = ["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes", "sqs:ChangeMessageVisibility", "sqs:GetQueueUrl"]
      Resource = var.consume_queue_arns
    }],
    length(var.produce_queue_arns) == 0 ? [] : [{
      Sid      = "ProduceToQueues"
      Effect   = "Allow"
      Action   = ["sqs:SendMessage", "sqs:GetQueueUrl"]
      Resource = var.produce_queue_arns
    }],
    !var.bucket_access ? [] : [
      {
        Sid      = "ListBucket"
        Effect   = "Allow"
        Action   = ["s3:ListBucket"]
        Resource = [var.bucket_arn]
      },
      {
        Sid      = "ReadWriteObjects"
        Effect   = "Allow"
        Action   = ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"]
        Resource = ["${var.bucket_arn}/*"]
      },
    ],
  )
}

resource "aws_iam_role" "execution" {
  name_prefix        = substr("${var.name}-exec-", 0, 38)
  assume_role_policy = local.assume_ecs_tasks
}

resource "aws_iam_role_policy_attachment" "execution" {
  role       = aws_iam_role.execution.name
  policy_arn = "arn:${var.partition}:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"
}

resource "aws_iam_role_policy" "execution_secrets" {
  count = length(var.secret_arns) == 0 ? 0 : 1
  name  = "read-own-secrets"
  role  = aws_iam_role.execution.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid      = "ReadOwnSecrets"
      Effect   = "Allow"
      Action   = ["secretsmanager:GetSecretValue"]
      Resource = var.secret_arns
    }]
  })
}

resource "aws_iam_role" "task" {
  name_prefix        = substr("${var.name}-task-", 0, 38)
  assume_role_policy = local.assume_ecs_tasks
}

resource "aws_iam_role_policy" "task" {
  count  = length(local.task_statements) == 0 ? 0 : 1
  name   = "least-privilege"
  role   = aws_iam_role.task.id
  policy = jsonencode({ Version = "2012-10-17", Statement = local.task_statements })
}
