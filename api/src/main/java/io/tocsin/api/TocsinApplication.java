package io.tocsin.api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Entry point of the Tocsin server. */
@SpringBootApplication
public class TocsinApplication {

  public static void main(String[] args) {
    SpringApplication.run(TocsinApplication.class, args);
  }
}
