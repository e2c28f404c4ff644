package com.tickitecking.reservation;

import com.tickitecking.platform.testing.IntegrationTest;
import com.tickitecking.platform.testing.ServiceContract;

@IntegrationTest
class ReservationServiceContractIT extends ServiceContract {
}
