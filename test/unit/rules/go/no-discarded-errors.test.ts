import { RuleTester } from '../../rule-tester';
import rule from '../../../../rules/go/no-discarded-errors';

/** A gRPC method of a service that empties the cart once the order is placed. */
const CHECKOUT =
  'package main\n\nimport (\n\t"context"\n\t"fmt"\n)\n\nfunc (s *checkout) PlaceOrder(ctx context.Context, req *pb.PlaceOrderRequest) (*pb.PlaceOrderResponse, error) {\n\torder, err := s.charge(ctx, req)\n\tif err != nil {\n\t\treturn nil, err\n\t}\n\t_ = s.emptyCart(ctx, req.UserId)\n\t_ = notify(ctx, order)\n\treturn &pb.PlaceOrderResponse{Order: order}, nil\n}\n\nfunc (s *checkout) emptyCart(ctx context.Context, user string) error {\n\tif _, err := s.carts.Empty(ctx, &pb.EmptyCartRequest{UserId: user}); err != nil {\n\t\treturn fmt.Errorf("empty cart: %w", err)\n\t}\n\treturn nil\n}\n';

new RuleTester({ filename: 'internal/store/store.go' }).run(rule, {
  valid: [
    'package store\n\nfunc f() {\n\tdefer func() { _ = f.Close() }()\n\tif err := tx.Commit(); err != nil {\n\t\treturn\n\t}\n}\n',
    { name: 'an empty branch that says why', code: 'package store\n\nfunc f() {\n\tif err != nil {\n\t\t// best effort: the cache refills on the next read\n\t}\n}\n' },
    { name: 'a declaration, not an assignment', code: 'package store\n\nfunc f() {\n\tb, _ := json.Marshal(v)\n\t_ = b\n}\n' },
    { name: 'err == nil', code: 'package store\n\nfunc f() {\n\tif err == nil {\n\t}\n}\n' },
    {
      name: 'functions of the package that return no error, or are not found',
      code: 'package store\n\nfunc (s *Store) size() int { return len(s.items) }\n\nfunc label(id string) string { return "item-" + id }\n\nfunc (s *Store) Stats() {\n\t_ = s.size()\n\t_ = label("a")\n\tn, _ := s.lookup("a")\n\t_ = s.remote.Flushed()\n\t_ = n\n}\n',
    },
    {
      name: 'an exported method of another type that returns an error, and Close',
      code: 'package store\n\nfunc (c *Cache) Warm() error { return nil }\n\nfunc (s *Store) Close() error { return s.db.Close() }\n\nfunc (s *Store) Open() {\n\t_ = s.cache.Warm()\n\tdefer func() { _ = s.Close() }()\n}\n',
    },
    {
      name: 'a UUID from another package, and the parse of a string',
      code: 'package store\n\nimport (\n\t"strconv"\n\n\t"github.com/acme/ids/uuid"\n)\n\nfunc f(page string) {\n\tid, _ := uuid.NewRandom()\n\tn, _ := strconv.Atoi(page)\n\tuse(id, n)\n}\n',
    },
  ],
  invalid: [
    {
      code: 'package store\n\nfunc f() {\n\t_ = tx.Commit()\n\t_, _ = db.Exec("DELETE FROM t")\n\t_ = json.Unmarshal(b, &v)\n}\n',
      errors: [
        { messageId: 'discarded', line: 4, column: 2, endColumn: 17, message: '`tx.Commit(…)`' },
        { messageId: 'discarded', line: 5, message: '`db.Exec(…)`' },
        { messageId: 'discarded', line: 6, message: '`json.Unmarshal(…)`' },
      ],
    },
    {
      name: 'empty error branches',
      code: 'package store\n\nfunc f() {\n\tif err := save(); err != nil {\n\t}\n\tif writeErr != nil {}\n}\n',
      errors: [
        { messageId: 'emptyBranch', line: 4, column: 2, endColumn: 30, message: '`if err != nil`' },
        { messageId: 'emptyBranch', line: 6 },
      ],
    },
    {
      name: 'a method of the receiver\'s type and a function of the package, declared to return an error',
      filename: 'src/checkout/main.go',
      code: CHECKOUT,
      files: { 'src/checkout/notify.go': 'package main\n\nimport "context"\n\nfunc notify(ctx context.Context, o *pb.Order) error {\n\treturn mailer.Send(ctx, o.Email, render(o))\n}\n' },
      errors: [
        { messageId: 'discarded', line: 13, column: 2, endColumn: 34, message: '`s.emptyCart(…)`' },
        { messageId: 'discarded', line: 14, message: '`notify(…)`' },
      ],
    },
    {
      name: 'after text outside ASCII',
      code: 'package store\n\n// Préférences — stored as JSON 🗄️\nfunc (s *Store) Prefs() {\n\tlabel := "naïve ✓"\n\t_ = s.persist(label)\n}\n\nfunc (s *Store) persist(v string) error { return s.disk.Put(v) }\n',
      errors: [{ messageId: 'discarded', line: 6, column: 2, endColumn: 22, message: '`s.persist(…)`' }],
    },
    {
      name: 'a value kept and its error dropped',
      code: 'package store\n\nimport "github.com/google/uuid"\n\nfunc (s *Store) lookup(key string) (*Item, error) { return s.items[key], nil }\n\nfunc (s *Store) Put(key string) {\n\trequestID, _ := uuid.NewRandom()\n\titem, _ := s.lookup(key)\n\tvar count int\n\tcount, _ = s.load(key)\n\ts.log(requestID, item, count)\n}\n',
      files: { 'internal/store/load.go': 'package store\n\nfunc (s *Store) load(key string) (n int, err error) { return s.disk.Count(key) }\n' },
      errors: [
        { messageId: 'discarded', line: 8, message: '`uuid.NewRandom(…)`' },
        { messageId: 'discarded', line: 9, message: '`s.lookup(…)`' },
        { messageId: 'discarded', line: 11, message: '`s.load(…)`' },
      ],
    },
  ],
});
