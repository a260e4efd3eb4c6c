package io.tocsin.api.error;

/** Java property names to the snake_case the API speaks. */
final class Naming {

  private Naming() {}

  static String snake(String camel) {
    StringBuilder out = new StringBuilder(camel.length() + 4);
    for (char c : camel.toCharArray()) {
      if (Character.isUpperCase(c)) {
        out.append('_').append(Character.toLowerCase(c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
