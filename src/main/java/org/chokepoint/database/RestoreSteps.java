package org.chokepoint.database;

/**
 * Names the steps of a restore as it reaches them, on standard output ("restore step:
 * ..."), so an operator sees how far it got; with the system property
 * {@code chokepoint.restore.pause-after} set to a step's name, the restore stops there
 * and waits, which is how {@code RestoreKilledIT} kills it at a known point.
 */
final class RestoreSteps {

	private RestoreSteps() {
	}

	static void reached(String step) {
		System.out.println("restore step: " + step);
		System.out.flush();
		if (step.equals(System.getProperty("chokepoint.restore.pause-after"))) {
			try {
				Thread.sleep(Long.MAX_VALUE);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

}
