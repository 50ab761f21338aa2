package dev.ragchat.api.media;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ragchat.errors.RejectedInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExtractionSchemaTests {

	static final ObjectMapper json = new ObjectMapper();

	@Test
	void refusesKeywordsOutsideTheSubset() {
		assertThatThrownBy(
				() -> ExtractionSchema.parse("{\"type\":\"object\",\"properties\":{\"a\":{\"$ref\":\"x\"}}}"))
			.isInstanceOf(RejectedInputException.class)
			.hasMessageContaining("type must be one of");
		assertThatThrownBy(() -> ExtractionSchema
			.parse("{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\",\"pattern\":\"x\"}}}"))
			.hasMessageContaining("'pattern' is not in the allowed subset");
		assertThatThrownBy(() -> ExtractionSchema
			.parse("{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\",\"format\":\"uri\"}}}"))
			.hasMessageContaining("format may only be 'date'");
		assertThatThrownBy(() -> ExtractionSchema.parse("{\"type\":\"array\",\"items\":{\"type\":\"string\"}}"))
			.hasMessageContaining("of type object");
		assertThatThrownBy(() -> ExtractionSchema
			.parse("{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\"}},\"required\":[\"b\"]}"))
			.hasMessageContaining("not a property");
	}

	@Test
	void validatesDatesEnumsRequiredFieldsAndArrays() throws Exception {
		ExtractionSchema schema = ExtractionSchema.parse("""
				{"type":"object","properties":{"d":{"type":"string","format":"date"},
				 "e":{"type":"string","enum":["x","y"]},"n":{"type":"integer"},
				 "l":{"type":"array","items":{"type":"number"}}},"required":["d"]}""");
		assertThat(schema.violations(json.readTree("{\"d\":\"2020-01-31\",\"e\":\"x\",\"n\":3,\"l\":[1.5]}")))
			.isEmpty();
		assertThat(schema.violations(json.readTree("{\"d\":\"31/01/2020\"}"))).isNotEmpty();
		assertThat(schema.violations(json.readTree("{\"d\":\"2020-01-31\",\"e\":\"z\"}"))).isNotEmpty();
		assertThat(schema.violations(json.readTree("{\"e\":\"x\"}"))).isNotEmpty();
		assertThat(schema.violations(json.readTree("{\"d\":\"2020-01-31\",\"n\":1.5}"))).isNotEmpty();
		assertThat(schema.violations(json.readTree("{\"d\":\"2020-01-31\",\"l\":[\"a\"]}"))).isNotEmpty();
	}

	@Test
	void translatesToVertexStyleSchemaWithCapitalTypes() throws Exception {
		ExtractionSchema schema = ExtractionSchema.parse("""
				{"type":"object","properties":{"d":{"type":"string","format":"date"},
				 "l":{"type":"array","items":{"type":"boolean"}}},"required":["d"]}""");
		var gemini = json.readTree(schema.forGemini());
		assertThat(gemini.get("type").asText()).isEqualTo("OBJECT");
		assertThat(gemini.at("/properties/d/type").asText()).isEqualTo("STRING");
		assertThat(gemini.at("/properties/d/description").asText()).contains("YYYY-MM-DD");
		assertThat(gemini.at("/properties/l/items/type").asText()).isEqualTo("BOOLEAN");
		assertThat(gemini.at("/propertyOrdering").toString()).isEqualTo("[\"d\",\"l\"]");
		assertThat(gemini.at("/required").toString()).isEqualTo("[\"d\"]");
	}

}
