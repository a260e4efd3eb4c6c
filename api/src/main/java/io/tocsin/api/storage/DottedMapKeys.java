package io.tocsin.api.storage;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;

/**
 * Lets maps keyed by event field paths ({@code group_key: {"network.source.ip": ...}}) be stored:
 * MongoDB forbids dots in keys and Spring Data rejects them by default, which failed every alert
 * grouped by a dotted field. Dots are stored as U+FF0E and turned back into dots on read.
 */
@Configuration(proxyBeanMethods = false)
class DottedMapKeys {

  static final String DOT_REPLACEMENT = "\uFF0E";

  @Bean
  static BeanPostProcessor dottedMapKeyEscaping() {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String name) {
        if (bean instanceof MappingMongoConverter converter) {
          converter.setMapKeyDotReplacement(DOT_REPLACEMENT);
        }
        return bean;
      }
    };
  }
}
