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

	private static volatile int classes;

	@Override
	public void testPlanExecutionStarted(TestPlan plan) {
		pending.clear();
		for (TestIdentifier root : plan.getRoots()) {
			plan.getDescendants(root).forEach((id) -> className(id).ifPresent(pending::add));
		}
		classes = pending.size();
	}

	@Override
	public void executionFinished(TestIdentifier id, TestExecutionResult result) {
		className(id).ifPresent(pending::remove);
	}

	@Override
	public void executionSkipped(TestIdentifier id, String reason) {
		className(id).ifPresent(pending::remove);
	}

	/**
	 * @return the test classes of the run that have not finished (the caller's own
	 * included)
	 */
	static Set<String> pending() {
		return Set.copyOf(pending);
	}

	/**
	 * @return whether the run holds other test classes than the scan
	 */
	static boolean ranWithOthers() {
		return classes > 1;
	}

	private static java.util.Optional<String> className(TestIdentifier id) {
		return id.getSource()
			.filter(ClassSource.class::isInstance)
			.map((source) -> ((ClassSource) source).getClassName())
			.filter((name) -> id.isContainer());
	}

}
