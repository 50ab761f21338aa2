package dev.ragchat.sources.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ragchat.sources.Source;
import dev.ragchat.sources.SyncRun;

/**
 * How both adapters keep a run's report and a web source's settings: JSON texts.
 */
final class ReportJson {

	private static final ObjectMapper json = new ObjectMapper();

	private ReportJson() {
	}

	static String write(SyncRun.Report report) {
		try {
			return json.writeValueAsString((report != null) ? report : SyncRun.Report.EMPTY);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static SyncRun.Report read(String report) {
		if (report == null) {
			return SyncRun.Report.EMPTY;
		}
		try {
			return json.readValue(report, SyncRun.Report.class);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Unreadable sync report", ex);
		}
	}

	static String writeWeb(Source.Web web) {
		if (web == null) {
			return null;
		}
		try {
			return json.writeValueAsString(web);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static Source.Web readWeb(String web) {
		if (web == null) {
			return null;
		}
		try {
			return json.readValue(web, Source.Web.class);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Unreadable web source settings", ex);
		}
	}

}
