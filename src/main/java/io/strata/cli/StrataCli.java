package io.strata.cli;
public class StrataCli { public static void main(String[] a) { System.out.println("hi"); } }
