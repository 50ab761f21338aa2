package dev.ragchat.api.audit.web;

import java.time.Clock;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ragchat.api.RagChatProperties;
import dev.ragchat.api.audit.Audit;
import dev.ragchat.api.audit.AuditProperties;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The audit trail, told each event's client address by the request being served (Spring
 * Boot's request context filter runs before the security filters).
 */
@Configuration(proxyBeanMethods = false)
class AuditConfiguration {

	@Bean
	Audit audit(AuditProperties properties, RagChatProperties ragchat, Clock clock, ObjectMapper json) {
		return new Audit(properties, ragchat.dataDir(), clock, json, AuditConfiguration::clientAddress,
				AuditConfiguration::person);
	}

	private static String person() {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		return (attributes != null)
				? (String) attributes.getAttribute(Audit.PERSON_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST) : null;
	}

	private static String clientAddress() {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		if (attributes instanceof ServletRequestAttributes servlet) {
			HttpServletRequest request = servlet.getRequest();
			return request.getRemoteAddr();
		}
		return null;
	}

}
