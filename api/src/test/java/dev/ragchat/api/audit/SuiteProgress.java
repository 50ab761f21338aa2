package dev.ragchat.api.audit;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Which test classes of the run have not finished yet (registered through
 * {@code META-INF/services}), so that {@link AuditSecretScanTests} can show it ran after
 * all the others.
 */
public final class SuiteProgress implements TestExecutionListener {

	private static final Set<String> pending = ConcurrentHashMap.newKeySet();

	private static final Set<String> planned = ConcurrentHashMap.newKeySet();

	private static volatile TestPlan plan;

	@Override
	public void testPlanExecutionStarted(TestPlan started) {
		plan = started;
		pending.clear();
		for (TestIdentifier root : started.getRoots()) {
			started.getDescendants(root).forEach((id) -> className(id).ifPresent(pending::add));
		}
		planned.clear();
		planned.addAll(pending);
	}

	@Override
	public void executionFinished(TestIdentifier id, TestExecutionResult result) {
		done(id);
	}

	@Override
	public void executionSkipped(TestIdentifier id, String reason) {
		done(id);
	}

	/**
	 * A class is done with its nested classes (a skipped class reports no event for
	 * them).
	 */
	private static void done(TestIdentifier id) {
		className(id).ifPresent(pending::remove);
		TestPlan current = plan;
		if (current != null) {
			current.getDescendants(id).forEach((nested) -> className(nested).ifPresent(pending::remove));
		}
	}

	/**
	 * @return the test classes of the run that have not finished (the caller's own
	 * included)
	 */
	static Set<String> pending() {
		return Set.copyOf(pending);
	}

	/**
	 * @param type a test class
	 * @return whether the run holds it
	 */
	static boolean planned(Class<?> type) {
		return planned.contains(type.getName());
	}

	private static java.util.Optional<String> className(TestIdentifier id) {
		return id.getSource()
			.filter(ClassSource.class::isInstance)
			.map((source) -> ((ClassSource) source).getClassName())
			.filter((name) -> id.isContainer());
	}

}
