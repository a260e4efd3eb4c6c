package io.tocsin.api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Entry point of the Tocsin server. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class TocsinApplication {

  public static void main(String[] args) {
    SpringApplication.run(TocsinApplication.class, args);
  }
}
