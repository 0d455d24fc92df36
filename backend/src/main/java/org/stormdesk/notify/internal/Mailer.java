package org.stormdesk.notify.internal;

import jakarta.inject.Singleton;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.stormdesk.notify.NotifySettings;

import java.util.Date;
import java.util.Properties;

/** Email over SMTP (Jakarta Mail), with a timeout on connecting, reading and writing. */
@Singleton
class Mailer {

    private final NotifySettings settings;

    Mailer(NotifySettings settings) {
        this.settings = settings;
    }

    void send(ChannelBook.Config config, Notice notice) throws DeliveryFailure {
        if (notice.address() == null) {
            throw new DeliveryFailure("No email address");
        }
        String timeout = Long.toString(settings.timeout().toMillis());
        Properties p = new Properties();
        p.put("mail.smtp.host", config.text("host"));
        p.put("mail.smtp.port", config.text("port") == null ? "25" : config.text("port"));
        p.put("mail.smtp.connectiontimeout", timeout);
        p.put("mail.smtp.timeout", timeout);
        p.put("mail.smtp.writetimeout", timeout);
        if (config.flag("starttls")) {
            p.put("mail.smtp.starttls.enable", "true");
            p.put("mail.smtp.starttls.required", "true");
        }
        if (config.flag("ssl")) {
            p.put("mail.smtp.ssl.enable", "true");
        }
        String user = config.text("username");
        if (user != null) {
            p.put("mail.smtp.auth", "true");
        }
        try {
            MimeMessage message = new MimeMessage(Session.getInstance(p));
            message.setFrom(new InternetAddress(config.text("from")));
            message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(notice.address(), true));
            message.setSubject(notice.subject(), "UTF-8");
            message.setText(notice.text(), "UTF-8");
            message.setSentDate(new Date());
            if (notice.delivery() != null) {
                message.setHeader("X-Stormdesk-Delivery", notice.delivery().toString());
            }
            if (user != null) {
                Transport.send(message, user, config.text("password"));
            } else {
                Transport.send(message);
            }
        } catch (MessagingException e) {
            throw new DeliveryFailure("SMTP: " + e.getMessage(), e);
        }
    }
}
