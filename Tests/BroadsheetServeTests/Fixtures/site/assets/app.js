var greeting = "你好";
