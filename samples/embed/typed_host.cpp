// An embedding host with typed bindings and a host class: a tiny "bank"
// whose Account type lives in C++. The script (typed_script.py beside this
// file) opens accounts, moves money through C++ methods, and gets
// CPython-style errors for bad arguments; the host then reads back what the
// script did through the very same objects it shares with it.
//
//     embed_typed_host [path/to/typed_script.py]
#include <gilt/gilt.hpp>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

class Account {
public:
    Account(std::string owner, std::int64_t cents) : m_owner(std::move(owner)), m_cents(cents) {}
    ~Account() { std::printf("[host] account of %s closed\n", m_owner.c_str()); }

    void deposit(std::int64_t cents) {
        if (cents <= 0) throw std::invalid_argument("deposit must be positive");
        m_cents += cents;
    }
    void withdraw(std::int64_t cents) {
        if (cents > m_cents) throw gilt::ScriptError("ValueError", "insufficient funds");
        m_cents -= cents;
    }
    const std::string& owner() const { return m_owner; }
    std::int64_t cents() const { return m_cents; }

    std::vector<std::string> history;

private:
    std::string m_owner;
    std::int64_t m_cents;
};

std::string read_file(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw std::runtime_error("cannot read " + path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

}  // namespace

int main(int argc, char** argv) {
    std::string path = argc > 1 ? argv[1] : "typed_script.py";
    gilt::Options options;
    options.stdout_sink = [](std::string_view text) { std::cout << text << std::flush; };
    gilt::Host host(options);

    // The host keeps the bank's main account and shares it with the script.
    auto treasury = std::make_shared<Account>("treasury", 1'000'00);

    gilt::Module bank(host, "bank");
    gilt::class_<Account>(bank, "Account")
        .init<std::string, std::int64_t>(gilt::arg("owner"), gilt::arg("cents") = 0)
        .def("deposit", &Account::deposit, gilt::arg("cents"))
        .def("withdraw", &Account::withdraw, gilt::arg("cents"))
        .def_property_readonly("owner", &Account::owner)
        .def_property_readonly("cents", &Account::cents)
        .def_readwrite("history", &Account::history)
        .def("__repr__", [](const Account& a) {
            return "<Account " + a.owner() + ": " + std::to_string(a.cents()) + " cents>";
        });
    bank.def("treasury", [treasury]() { return treasury; });
    bank.def(
        "transfer",
        [](Account& from, Account& to, std::int64_t cents, std::optional<std::string> memo) {
            from.withdraw(cents);
            to.deposit(cents);
            if (memo) to.history.push_back(*memo);
            return to.cents();
        },
        gilt::arg("source"), gilt::arg("target"), gilt::arg("cents"),
        gilt::arg("memo") = std::optional<std::string>());
    host.def("fmt_cents", [](std::int64_t cents) {
        char text[32];
        std::snprintf(text, sizeof text, "%lld.%02lld", static_cast<long long>(cents / 100),
                      static_cast<long long>(cents % 100));
        return std::string(text);
    });

    try {
        host.exec(read_file(path), path);
        std::map<std::string, std::int64_t> balances =
            host.call("balances").as<std::map<std::string, std::int64_t>>();
        for (const auto& [owner, cents] : balances) {
            std::printf("[host] %-8s %lld\n", owner.c_str(), static_cast<long long>(cents));
        }
        std::printf("[host] treasury history: %zu entries, %lld cents\n", treasury->history.size(),
                    static_cast<long long>(treasury->cents()));
        host.exec("accounts.clear()\n");  // the script's own accounts die here
    } catch (const gilt::ScriptError& e) {
        std::fprintf(stderr, "script error:\n%s", e.traceback().c_str());
        return 1;
    }
    return 0;
}
