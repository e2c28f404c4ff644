package com.tickitecking.user;

import com.tickitecking.platform.testing.IntegrationTest;
import com.tickitecking.platform.testing.ServiceContract;

@IntegrationTest
class UserServiceContractIT extends ServiceContract {
}
