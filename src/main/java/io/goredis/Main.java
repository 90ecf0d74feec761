package io.goredis;
public final class Main { public static void main(String[] a) {} }
