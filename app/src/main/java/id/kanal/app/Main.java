package id.kanal.app;
public final class Main { public static void main(String[] a) { System.out.println("kanal"); } }
