# One queue per consuming service, each with its own dead-letter queue: after
# max_receive_count failed deliveries a message parks in <queue>-dlq (alerted on
# by TickiteckingDlqNotEmpty) instead of blocking or being lost.

resource "aws_sqs_queue" "dlq" {
  for_each                  = toset(var.queues)
  name                      = "${var.prefix}${each.key}-dlq"
  message_retention_seconds = 1209600 # 14 days, the maximum: time to investigate
  max_message_size          = 262144  # the limit the services and the local stand-in enforce (EventQueue.MAX_MESSAGE_BYTES)
  sqs_managed_sse_enabled   = true
}

resource "aws_sqs_queue" "queue" {
  for_each                   = toset(var.queues)
  name                       = "${var.prefix}${each.key}"
  visibility_timeout_seconds = var.visibility_timeout_seconds
  message_retention_seconds  = var.message_retention_seconds
  receive_wait_time_seconds  = 20     # long polling: fewer empty receives
  max_message_size           = 262144 # the limit the services and the local stand-in enforce (EventQueue.MAX_MESSAGE_BYTES)
  sqs_managed_sse_enabled    = true
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.dlq[each.key].arn
    maxReceiveCount     = var.max_receive_count
  })
}

# A DLQ accepts dead letters only from its own source queue.
resource "aws_sqs_queue_redrive_allow_policy" "dlq" {
  for_each  = toset(var.queues)
  queue_url = aws_sqs_queue.dlq[each.key].id
  redrive_allow_policy = jsonencode({
    redrivePermission = "byQueue"
    sourceQueueArns   = [aws_sqs_queue.queue[each.key].arn]
  })
}
