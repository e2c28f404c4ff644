package com.tickitecking.user;

import com.tickitecking.testing.IntegrationTest;
import com.tickitecking.testing.ServiceContract;

@IntegrationTest
class UserServiceContractIT extends ServiceContract {
}
