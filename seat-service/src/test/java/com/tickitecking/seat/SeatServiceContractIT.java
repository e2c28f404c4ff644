package com.tickitecking.seat;

import com.tickitecking.platform.testing.IntegrationTest;
import com.tickitecking.platform.testing.ServiceContract;

@IntegrationTest
class SeatServiceContractIT extends ServiceContract {
}
