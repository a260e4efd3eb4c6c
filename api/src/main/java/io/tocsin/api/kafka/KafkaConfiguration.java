package io.tocsin.api.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import io.tocsin.api.detection.EngineScopes;
import io.tocsin.api.event.EventDispatcher;
import io.tocsin.api.event.PendingEvaluations;
import io.tocsin.api.pipeline.DetectionPipeline;
import io.tocsin.api.pipeline.OnKafkaCondition;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.MicrometerConsumerListener;
import org.springframework.kafka.core.MicrometerProducerListener;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

/**
 * The scale-out wiring, active only with {@code TOCSIN_KAFKA_BOOTSTRAP}: the topic, the producer
 * ingest waits on, and (unless {@code TOCSIN_ROLE=api}) the engine worker's consumer container.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(OnKafkaCondition.class)
class KafkaConfiguration {

  private static final Logger log = LoggerFactory.getLogger(KafkaConfiguration.class);

  @Bean
  KafkaAdmin tocsinKafkaAdmin(KafkaSettings settings) {
    int timeout = (int) Math.max(1000, settings.produceTimeout().toMillis());
    KafkaAdmin admin =
        new KafkaAdmin(
            Map.of(
                CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG,
                settings.bootstrap(),
                CommonClientConfigs.REQUEST_TIMEOUT_MS_CONFIG,
                timeout / 2,
                CommonClientConfigs.DEFAULT_API_TIMEOUT_MS_CONFIG,
                timeout));
    // A broker that is down at start is not fatal: ingest answers 503 until it is back.
    admin.setFatalIfBrokerNotAvailable(false);
    admin.setOperationTimeout(Math.max(1, timeout / 1000));
    return admin;
  }

  @Bean
  NewTopic tocsinEventsTopic(KafkaSettings settings) {
    return TopicBuilder.name(settings.topic())
        .partitions(settings.partitions())
        .replicas(settings.replicationFactor())
        .config("min.insync.replicas", settings.replicationFactor() >= 3 ? "2" : "1")
        .build();
  }

  @Bean
  KafkaTemplate<String, byte[]> tocsinEventsTemplate(KafkaSettings settings, MeterRegistry meters) {
    Map<String, Object> config = new HashMap<>();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrap());
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
    config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    int timeout = (int) Math.max(2000, settings.produceTimeout().toMillis());
    config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout);
    config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.max(1000, timeout / 2));
    config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeout);
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    DefaultKafkaProducerFactory<String, byte[]> factory = new DefaultKafkaProducerFactory<>(config);
    factory.addListener(new MicrometerProducerListener<>(meters));
    return new KafkaTemplate<>(factory);
  }

  @Bean
  EventDispatcher kafkaEventPublisher(
      KafkaTemplate<String, byte[]> template,
      KafkaAdmin admin,
      NewTopic topic,
      KafkaSettings settings,
      PendingEvaluations pending,
      MeterRegistry meters) {
    log.info(
        "scale-out mode: events go to topic {} on {}; role {}",
        settings.topic(),
        settings.bootstrap(),
        settings.role());
    return new KafkaEventPublisher(template, admin, topic, settings, pending, meters);
  }

  /** The engine worker, unless this process only ingests ({@code TOCSIN_ROLE=api}). */
  @Configuration(proxyBeanMethods = false)
  @Conditional({OnKafkaCondition.class, OnWorkerRole.class}) // scanned on its own, too
  static class Worker {

    @Bean(destroyMethod = "closeAll")
    EngineWorker engineWorker(
        DetectionPipeline pipeline,
        EngineScopes scopes,
        KafkaSettings settings,
        Clock clock,
        MeterRegistry meters) {
      return new EngineWorker(pipeline, scopes, settings, clock, meters);
    }

    @Bean
    ConcurrentMessageListenerContainer<String, byte[]> engineWorkerContainer(
        EngineWorker worker,
        KafkaSettings settings,
        MeterRegistry meters,
        @Value("${HOSTNAME:tocsin}") String hostname) {
      Map<String, Object> config = new HashMap<>();
      config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrap());
      config.put(ConsumerConfig.GROUP_ID_CONFIG, settings.group());
      config.put(ConsumerConfig.CLIENT_ID_CONFIG, "tocsin-worker-" + hostname);
      config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
      config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
      config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1000);
      config.put(
          ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG,
          CooperativeStickyAssignor.class.getName());
      int session = (int) settings.sessionTimeout().toMillis();
      config.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, session);
      config.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, Math.max(500, session / 3));
      config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
      config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
      DefaultKafkaConsumerFactory<String, byte[]> factory =
          new DefaultKafkaConsumerFactory<>(config);
      factory.addListener(new MicrometerConsumerListener<>(meters));

      ContainerProperties properties = new ContainerProperties(settings.topic());
      properties.setGroupId(settings.group());
      // Offsets of a batch are committed only after the listener returned: alerts are written.
      properties.setAckMode(ContainerProperties.AckMode.BATCH);
      properties.setMessageListener(worker);
      properties.setConsumerRebalanceListener(worker);
      ConcurrentMessageListenerContainer<String, byte[]> container =
          new ConcurrentMessageListenerContainer<>(factory, properties);
      container.setBeanName("tocsin-engine-worker");
      // A failing batch (say, the database is down) is retried until it succeeds: never skipped.
      container.setCommonErrorHandler(
          new DefaultErrorHandler(new FixedBackOff(1000L, FixedBackOff.UNLIMITED_ATTEMPTS)));
      return container;
    }

    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService engineWorkerMaintenance(
        EngineWorker worker,
        @Value("${tocsin.engine.sync-interval:PT1S}") java.time.Duration every) {
      ScheduledExecutorService timer =
          Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread t = new Thread(r, "tocsin-worker-maintenance");
                t.setDaemon(true);
                return t;
              });
      long period = Math.max(100, every.toMillis());
      timer.scheduleWithFixedDelay(worker::maintain, period, period, TimeUnit.MILLISECONDS);
      return timer;
    }
  }
}
