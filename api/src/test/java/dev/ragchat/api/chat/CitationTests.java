package dev.ragchat.api.chat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ragchat.api.Calls;
import dev.ragchat.ingestion.TestFiles;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Citations that can be checked: only the sources an answer cites, numbered from 1 in the
 * order it first cites them, each with the verbatim sentence it rests on and, for a PDF,
 * where that sentence stands on its page.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CitationTests {

	private static final ObjectMapper json = new ObjectMapper();

	private static final Pattern MARKER = Pattern.compile("\\[(\\d+)]");

	@Autowired
	MockMvc mvc;

	@Value("${ragchat.master-key}")
	String masterKey;

	@TempDir
	Path dir;

	String kb;

	String key;

	Path pdfFile;

	String pdf;

	@BeforeEach
	void documents() throws Exception {
		this.kb = Calls.createKnowledgeBase(this.mvc, this.masterKey, "citations");
		this.key = Calls.chatAndUploadKey(this.mvc, this.masterKey, this.kb);
		this.pdfFile = TestFiles.factsPdf(this.dir.resolve("harbour.pdf"));
		this.pdf = Calls.uploadAndAwait(this.mvc, this.key, this.kb, "harbour.pdf", Files.readAllBytes(this.pdfFile))
			.get("id")
			.asText();
		Calls.uploadAndAwait(this.mvc, this.key, this.kb, "handbook.docx",
				Files.readAllBytes(TestFiles.handbookDocx(this.dir.resolve("handbook.docx"))));
	}

	@Test
	void citesOnlyWhatTheAnswerUsesNumberedFromOneInOrderOfFirstUse() throws Exception {
		for (String question : List.of("When was the harbour dredged, and when did the customs house become a museum?",
				"When was the lighthouse on Kestrel Point automated?",
				"How many boats did the fishing fleet count in 1950?")) {
			JsonNode answer = ask(question);
			assertThat(answer.get("grounded").asBoolean()).as(question).isTrue();
			assertNumberedInOrderOfFirstUse(answer.get("answer").asText(), answer.get("citations"));
		}
	}

	@Test
	void quotesTheSentenceVerbatimFromItsPageWithBoxesOnThatPage() throws Exception {
		JsonNode answer = ask("When was the lighthouse on Kestrel Point automated?");
		JsonNode citation = answer.at("/citations/0");
		assertThat(citation.get("documentId").asText()).isEqualTo(this.pdf);
		assertThat(citation.get("quote").asText()).isEqualTo(TestFiles.PAGE_THREE_FACT);
		assertThat(citation.get("page").asInt()).isEqualTo(3);
		assertQuotesAreOnTheirPages(answer.get("citations"));
	}

	@Test
	void quotesEverySourceOfALongerAnswerFromItsOwnPage() throws Exception {
		JsonNode answer = ask("When was the harbour dredged, and when did the customs house become a museum?");
		assertThat(answer.get("citations").size()).isPositive();
		assertQuotesAreOnTheirPages(answer.get("citations"));
	}

	@Test
	void streamsStoresAndListsTheSameNumberedCitations() throws Exception {
		JsonNode started = Calls.startSession(this.mvc, this.key, this.kb);
		String session = started.get("sessionId").asText();
		String token = started.get("token").asText();
		MvcResult result = this.mvc.perform(post("/api/v1/sessions/" + session + "/messages").secure(true)
			.header("Authorization", "Bearer " + token)
			.accept(MediaType.TEXT_EVENT_STREAM)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"message\":\"When was the harbour dredged, and when did the customs house become a museum?\"}"))
			.andExpect(request().asyncStarted())
			.andReturn();
		List<String> lines = this.mvc.perform(asyncDispatch(result))
			.andReturn()
			.getResponse()
			.getContentAsString()
			.lines()
			.toList();
		StringBuilder streamed = new StringBuilder();
		JsonNode streamedCitations = null;
		for (int i = 0; i < lines.size() - 1; i++) {
			if (lines.get(i).equals("event:token")) {
				streamed.append(json.readTree(lines.get(i + 1).substring(5)).get("text").asText());
			}
			if (lines.get(i).equals("event:citations")) {
				streamedCitations = json.readTree(lines.get(i + 1).substring(5));
			}
		}
		assertThat(streamedCitations).isNotNull();
		assertNumberedInOrderOfFirstUse(streamed.toString(), streamedCitations);
		JsonNode stored = json.readTree(this.mvc
			.perform(get("/api/v1/sessions/" + session + "/messages").secure(true)
				.header("Authorization", "Bearer " + token))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(stored.at("/messages/1/answer").asText()).isEqualTo(streamed.toString());
		assertThat(stored.at("/messages/1/citations")).isEqualTo(streamedCitations);
	}

	private void assertQuotesAreOnTheirPages(JsonNode citations) throws Exception {
		try (PDDocument document = Loader.loadPDF(this.pdfFile.toFile())) {
			for (JsonNode citation : citations) {
				if (!citation.get("documentId").asText().equals(this.pdf)) {
					continue;
				}
				int page = citation.get("page").asInt();
				PDFTextStripper stripper = new PDFTextStripper();
				stripper.setStartPage(page);
				stripper.setEndPage(page);
				String pageText = stripper.getText(document).replaceAll("\\s+", " ");
				assertThat(pageText).contains(citation.get("quote").asText());
				assertThat(citation.get("boxes").size()).isPositive();
				for (JsonNode box : citation.get("boxes")) {
					assertThat(box.get("page").asInt()).isEqualTo(page);
					double x = box.get("x").asDouble();
					double y = box.get("y").asDouble();
					double w = box.get("width").asDouble();
					double h = box.get("height").asDouble();
					assertThat(List.of(x, y, w, h)).allSatisfy((v) -> assertThat(v).isBetween(0.0, 1.0));
					assertThat(w).isPositive();
					assertThat(h).isPositive();
					assertThat(x + w).isLessThanOrEqualTo(1.0);
					assertThat(y + h).isLessThanOrEqualTo(1.0);
				}
			}
		}
	}

	/**
	 * The markers in the text are exactly 1 to n, first used in that order, and the
	 * citations are numbered 1 to n.
	 */
	static void assertNumberedInOrderOfFirstUse(String text, JsonNode citations) {
		List<Integer> firstUse = new ArrayList<>();
		Matcher markers = MARKER.matcher(text);
		while (markers.find()) {
			int number = Integer.parseInt(markers.group(1));
			if (!firstUse.contains(number)) {
				firstUse.add(number);
			}
		}
		List<Integer> indexes = new ArrayList<>();
		citations.forEach((c) -> indexes.add(c.get("index").asInt()));
		List<Integer> oneToN = new ArrayList<>();
		for (int i = 1; i <= indexes.size(); i++) {
			oneToN.add(i);
		}
		assertThat(indexes).as(text).isEqualTo(oneToN).isNotEmpty();
		assertThat(firstUse).as(text).isEqualTo(oneToN);
	}

	private JsonNode ask(String question) throws Exception {
		JsonNode started = Calls.startSession(this.mvc, this.key, this.kb);
		return json.readTree(this.mvc
			.perform(post("/api/v1/sessions/" + started.get("sessionId").asText() + "/messages").secure(true)
				.header("Authorization", "Bearer " + started.get("token").asText())
				.contentType(MediaType.APPLICATION_JSON)
				.content(json.writeValueAsString(Map.of("message", question))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

}
