package id.kanal.services.console;

/** The figures for the console's wall screen. */
public interface Dashboard {
    DashboardFigures figures();
}
