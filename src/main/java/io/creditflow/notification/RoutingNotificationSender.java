package io.creditflow.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.creditflow.customer.Customer;
import io.creditflow.customer.CustomerService;
import io.creditflow.notification.NotificationTemplates.RenderedMessage;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The application's {@link NotificationSender}: looks the customer up ({@link CustomerService#get}, decrypted by the
 * entity converter; addresses are never stored in the outbox), renders the template in the notification's language
 * ({@link NotificationTemplates}), and hands both to the {@link ChannelSender} of the notification's channel, as
 * configured by {@code creditflow.notifications.delivery} ({@link NotificationConfiguration}).
 */
class RoutingNotificationSender implements NotificationSender {

  /** The template value holding the customer's full name. */
  static final String CUSTOMER_NAME = "customerName";

  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private final Map<NotificationChannel, ChannelSender> channels;
  private final CustomerService customers;
  private final NotificationTemplates templates;
  private final ObjectMapper objectMapper;

  RoutingNotificationSender(Map<NotificationChannel, ChannelSender> channels, CustomerService customers,
      NotificationTemplates templates, ObjectMapper objectMapper) {
    this.channels = new EnumMap<>(channels);
    this.customers = customers;
    this.templates = templates;
    this.objectMapper = objectMapper;
  }

  @Override
  public void send(Notification notification) {
    ChannelSender channel = channels.get(notification.getChannel());
    if (channel == null) {
      throw new IllegalStateException("No sender for channel " + notification.getChannel());
    }
    Recipient recipient = recipient(notification.getRecipientRef());
    RenderedMessage message = templates.render(notification.getTemplateKey(), notification.getLanguage(),
        values(notification, recipient));
    channel.deliver(notification, recipient, message);
  }

  /** The sender of a channel, for tests and diagnostics. */
  ChannelSender channel(NotificationChannel channel) {
    return channels.get(channel);
  }

  Recipient recipient(String customerId) {
    Customer customer = customers.get(customerId);
    return new Recipient(customer.getId(), customer.getFullName(), customer.getMobile(), customer.getEmail());
  }

  private Map<String, Object> values(Notification notification, Recipient recipient) {
    Map<String, Object> values = new LinkedHashMap<>();
    try {
      values.putAll(objectMapper.readValue(notification.getParameters(), MAP));
    } catch (JsonProcessingException e) {
      // not chained: the parser's message may quote the parameters
      throw new IllegalStateException("Parameters of notification " + notification.getId() + " are not a JSON object");
    }
    values.putIfAbsent(CUSTOMER_NAME, recipient.fullName());
    return values;
  }
}
