package dev.authwatch.auth.ticket;

import dev.authwatch.support.TestSecrets;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = TestSecrets.SECRET_PROPERTY)
class InMemoryTicketFlowTest extends TicketFlowContract {

}
