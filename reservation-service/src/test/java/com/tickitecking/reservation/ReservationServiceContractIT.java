package com.tickitecking.reservation;

import com.tickitecking.testing.IntegrationTest;
import com.tickitecking.testing.ServiceContract;

@IntegrationTest
class ReservationServiceContractIT extends ServiceContract {
}
