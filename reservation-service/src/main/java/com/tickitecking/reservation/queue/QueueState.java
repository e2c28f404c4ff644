package com.tickitecking.reservation.queue;

/** Where a concert's waiting room stands, the same for everyone. */
public enum QueueState {
    /** Before the opening: everyone who joins is in the pre-queue, to be shuffled at the opening. */
    PRE_QUEUE,
    /** Open: places are admitted in position order. */
    OPEN,
    /** Every seat is taken and no hold is pending. */
    SOLD_OUT,
    /** The sale has ended. */
    CLOSED
}
