package io.nolambda.testing.services;

import java.util.Optional;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests a real Kafka and Cassandra: started once per test JVM, on free ports in a temp dir, and
 * stopped when the test run ends. Injects {@link ServiceEndpoints} into test and lifecycle methods.
 *
 * <p>If {@value #KAFKA_BOOTSTRAP} and {@value #CASSANDRA_CONTACT} ({@code host:port}) are set as system
 * properties or as environment variables (NOLAMBDA_KAFKA_BOOTSTRAP, NOLAMBDA_CASSANDRA_CONTACT), those
 * services are used instead, with credentials from NOLAMBDA_CASSANDRA_USERNAME/PASSWORD.
 */
public final class LocalServicesExtension implements BeforeAllCallback, ParameterResolver {
  public static final String KAFKA_BOOTSTRAP = "nolambda.kafka.bootstrap";
  public static final String CASSANDRA_CONTACT = "nolambda.cassandra.contact";
  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LocalServicesExtension.class);

  /** Starts before the first test, so no single test is charged the start time. */
  @Override
  public void beforeAll(ExtensionContext context) {
    endpoints(context);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == ServiceEndpoints.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return endpoints(context);
  }

  /** The services of this test JVM, started on first use. The root store closes them when the run ends. */
  public static ServiceEndpoints endpoints(ExtensionContext context) {
    return context.getRoot().getStore(NAMESPACE)
        .getOrComputeIfAbsent(Services.class, key -> Services.open(), Services.class)
        .endpoints();
  }

  /** JUnit 5.13+ closes AutoCloseable values of a store (CloseableResource is deprecated in 5.14). */
  private record Services(ServiceEndpoints endpoints, LocalServices started) implements AutoCloseable {
    static Services open() {
      return existing().map(e -> new Services(e, null)).orElseGet(() -> {
        LocalServices services = LocalServices.start(ServicesConfig.forTests());
        return new Services(services.endpoints(), services);
      });
    }

    @Override
    public void close() {
      if (started != null) {
        started.close();
      }
    }
  }

  static Optional<ServiceEndpoints> existing() {
    Optional<String> kafka = setting(KAFKA_BOOTSTRAP);
    Optional<String> cassandra = setting(CASSANDRA_CONTACT);
    if (kafka.isEmpty() && cassandra.isEmpty()) {
      return Optional.empty();
    }
    if (kafka.isEmpty() || cassandra.isEmpty()) {
      throw new ServicesException("Set both " + KAFKA_BOOTSTRAP + " and " + CASSANDRA_CONTACT + " to use existing services, or neither");
    }
    String contact = cassandra.get();
    int colon = contact.lastIndexOf(':');
    if (colon < 1) {
      throw new ServicesException(CASSANDRA_CONTACT + " must be host:port, not " + contact);
    }
    CassandraCredentials credentials = CassandraCredentials.fromEnvironment().orElseThrow(() -> new ServicesException(
        CASSANDRA_CONTACT + " is set: set " + CassandraCredentials.USERNAME_ENV + " and " + CassandraCredentials.PASSWORD_ENV + " too"));
    return Optional.of(new ServiceEndpoints(kafka.get(), contact.substring(0, colon),
        Integer.parseInt(contact.substring(colon + 1)), CassandraServer.DATACENTER, credentials));
  }

  /** A system property, else the environment variable of the same name in upper case with underscores. */
  private static Optional<String> setting(String property) {
    String value = System.getProperty(property);
    if (value == null || value.isBlank()) {
      value = System.getenv(property.toUpperCase().replace('.', '_'));
    }
    return Optional.ofNullable(value).filter(v -> !v.isBlank());
  }
}
