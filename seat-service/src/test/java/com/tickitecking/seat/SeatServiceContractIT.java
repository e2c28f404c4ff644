package com.tickitecking.seat;

import com.tickitecking.testing.IntegrationTest;
import com.tickitecking.testing.ServiceContract;

@IntegrationTest
class SeatServiceContractIT extends ServiceContract {
}
