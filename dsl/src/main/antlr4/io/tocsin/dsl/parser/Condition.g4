// The Tocsin condition language (docs/language.md). Precedence by rule layering:
// NOT binds tighter than AND, AND tighter than OR. A predicate starts with a value (field or
// function call) followed by an optional tail, so the parser decides with one token of lookahead;
// a value without a tail is a macro reference, resolved later by the analyzer.
grammar Condition;

options { caseInsensitive = true; }

condition : expr EOF ;

expr : andExpr (OR andExpr)* ;

andExpr : unary (AND unary)* ;

unary
  : NOT unary                       # notExpr
  | primary                         # primaryExpr
  ;

primary
  : LP expr RP                      # parenExpr
  | (TRUE | FALSE)                  # boolExpr
  | value predicate?                # predicateExpr
  ;

predicate
  : NOT? IN listValue               # inPredicate
  | compareOp operand               # comparePredicate
  | EXISTS                          # existsPredicate
  | COLON searchOp? searchTerm      # searchPredicate
  ;

value
  : PATH                            # fieldValue
  | PATH LP (arg (COMMA arg)*)? RP  # callValue
  ;

arg : value | literal ;

operand : value | literal ;

listValue
  : LP (literal (COMMA literal)*)? RP   # listLiteral
  | PATH                                # listRef
  | literal                             # singleValue
  ;

compareOp
  : EQ | NE | LT | LE | GT | GE
  | CONTAINS | ICONTAINS | STARTSWITH | ISTARTSWITH | ENDSWITH | IENDSWITH
  | MATCHES | GLOB | IEQUALS | WILDCARD | IWILDCARD
  ;

searchOp : LT | LE | GT | GE ;

literal : STRING | INTEGER | DECIMAL | SIZE | DURATION | CIDR | IPV4 | TRUE | FALSE ;

// A shorthand value may contain colons when written without spaces (fe80::1, 10:00:00Z).
searchTerm : searchAtom (COLON searchAtom?)* ;

searchAtom
  : literal | PATH | WORD
  | IN | EXISTS | CONTAINS | ICONTAINS | STARTSWITH | ISTARTSWITH | ENDSWITH | IENDSWITH
  | MATCHES | GLOB | IEQUALS | WILDCARD | IWILDCARD
  ;

AND : 'and' | '&&' ;
OR : 'or' | '||' ;
NOT : 'not' | '!' ;
IN : 'in' ;
EXISTS : 'exists' ;
CONTAINS : 'contains' ;
ICONTAINS : 'icontains' ;
STARTSWITH : 'startswith' ;
ISTARTSWITH : 'istartswith' ;
ENDSWITH : 'endswith' ;
IENDSWITH : 'iendswith' ;
MATCHES : 'matches' ;
GLOB : 'glob' ;
IEQUALS : 'iequals' ;
WILDCARD : 'wildcard' ;
IWILDCARD : 'iwildcard' ;
TRUE : 'true' ;
FALSE : 'false' ;

EQ : '==' | '=' ;
NE : '!=' ;
LE : '<=' ;
LT : '<' ;
GE : '>=' ;
GT : '>' ;
COLON : ':' ;
LP : '(' ;
RP : ')' ;
COMMA : ',' ;

STRING
  : '"' (~["\\\r\n] | '\\' ~[\r\n])* '"'
  | '\'' (~['\\\r\n] | '\\' ~[\r\n])* '\''
  ;

// Number-plus-unit literals; longest match makes 100MB a SIZE, not an INTEGER and a name.
SIZE : DIGITS ('.' DIGITS)? ('b' | 'kb' | 'mb' | 'gb' | 'tb' | 'kib' | 'mib' | 'gib' | 'tib') ;
DURATION : DIGITS ('ms' | 's' | 'm' | 'h' | 'd') ;
CIDR : IPV4_ADDR '/' DIGITS | IPV6_ADDR '/' DIGITS ;
IPV4 : IPV4_ADDR ;
DECIMAL : '-'? DIGITS '.' DIGITS ;
INTEGER : '-'? DIGITS ;

// Field paths, list, macro and function names: identifiers joined by dots.
PATH : IDENT ('.' IDENT)* ;

// Unquoted search-shorthand values (process.name:power*, file.path:/tmp/x.sh).
WORD : WORD_CHAR+ ;

COMMENT : '#' ~[\r\n]* -> channel(HIDDEN) ;
WS : [ \t\r\n\f]+ -> channel(HIDDEN) ;

// Anything else becomes a token too, so the parser reports it with its position.
ERROR_CHAR : . ;

fragment DIGITS : [0-9]+ ;
fragment IDENT : [a-z_@] [a-z0-9_\-@]* ;
fragment IPV4_ADDR : DIGITS '.' DIGITS '.' DIGITS '.' DIGITS ;
fragment IPV6_ADDR : [0-9a-f]+ ':' [0-9a-f:.]* | '::' ([0-9a-f] [0-9a-f:.]*)? ;
fragment WORD_CHAR : [a-z0-9_.\-/\\*?~+@$%] ;
