package io.creditflow.notification;

import static io.creditflow.notification.LiveFixture.clockAt;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import io.creditflow.customer.CustomerService;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** E-mail over SMTP (Spring Mail) to a local GreenMail server: address from the customer, text in their language. */
@LiveNotificationTest
@ExtendWith(OutputCaptureExtension.class)
class EmailChannelTest {

  private static final String SUBJECT_TYPE = "email-test";

  @Autowired NotificationService notifications;
  @Autowired NotificationRepository repository;
  @Autowired NotificationDispatcher dispatcher;
  @Autowired CustomerService customers;
  @Autowired GreenMail mailServer;

  private final String loan = "LN-" + UUID.randomUUID();

  @BeforeEach
  void emptyMailbox() throws Exception {
    mailServer.purgeEmailFromAllMailboxes();
  }

  @AfterEach
  void cleanUp() {
    ClockUtil.reset();
    repository.deleteAll(repository.findBySubjectTypeAndSubjectIdOrderByCreatedAtAscIdAsc(SUBJECT_TYPE, loan));
  }

  private MimeMessage onlyMessageTo(String address) {
    MimeMessage[] received = mailServer.getReceivedMessagesForDomain(address.substring(address.indexOf('@') + 1));
    return Arrays.stream(received).filter(message -> {
      try {
        return Arrays.stream(message.getAllRecipients()).anyMatch(to -> to.toString().equals(address));
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }).reduce((a, b) -> {
      throw new AssertionError("more than one message to " + address);
    }).orElseThrow(() -> new AssertionError("no message to " + address));
  }

  @Test
  void anEmailGoesToTheCustomersAddressInTheirLanguage(CapturedOutput output) throws Exception {
    clockAt(Instant.parse("2098-01-01T02:00:00Z"));
    String chineseAddress = "wang.fang+" + UUID.randomUUID().toString().substring(0, 8) + "@example.cn";
    String englishAddress = "john.smith+" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    String chinese = LiveFixture.customer(customers, "王芳", chineseAddress, "zh-CN");
    String english = LiveFixture.customer(customers, "John Smith", englishAddress, "en");
    Notification toChinese = notifications.enqueue(LiveFixture.reminder(loan + ":zh", NotificationChannel.EMAIL,
        chinese, SUBJECT_TYPE, loan, "zh-CN"));
    Notification toEnglish = notifications.enqueue(NotificationRequest.of(loan + ":en",
        NotificationTypes.LOAN_DISBURSED, NotificationChannel.EMAIL, english, SUBJECT_TYPE, loan,
        "origination.loan_disbursed", Map.of("loanNumber", loan, "amount", "20000.00", "currency", "CNY"), "en"));

    dispatcher.dispatchDue();

    assertThat(notifications.find(toChinese.getId()).orElseThrow().getStatus()).isEqualTo(NotificationStatus.SENT);
    assertThat(notifications.find(toEnglish.getId()).orElseThrow().getStatus()).isEqualTo(NotificationStatus.SENT);
    assertThat(mailServer.waitForIncomingEmail(5000, 2)).isTrue();

    MimeMessage zh = onlyMessageTo(chineseAddress);
    assertThat(zh.getSubject()).isEqualTo("贷款" + loan + "第3期将于2027-03-02到期");
    assertThat(((String) zh.getContent()).strip()).isEqualTo("尊敬的王芳，您的贷款" + loan
        + "第3期将于2027-03-02到期。应还金额：1066.19 CNY。请确保账户资金充足。");
    assertThat(zh.getContentType()).contains("text/plain").containsIgnoringCase("charset=UTF-8");
    assertThat(((InternetAddress) zh.getFrom()[0]).getAddress()).isEqualTo("no-reply@creditflow.test");
    assertThat(zh.getHeader(EmailSender.NOTIFICATION_HEADER)).containsExactly(toChinese.getId());

    MimeMessage en = onlyMessageTo(englishAddress);
    assertThat(en.getSubject()).isEqualTo("Your loan " + loan + " has been paid out");
    assertThat((String) en.getContent()).contains("Dear John Smith, your loan " + loan + " of 20000.00 CNY has "
        + "been paid out.");

    assertThat(output.getAll()).doesNotContain(chineseAddress).doesNotContain(englishAddress)
        .contains("via EMAIL handed to the mail server for w" + "*".repeat(chineseAddress.indexOf('@') - 1)
            + "@example.cn");
  }
}
